import { parseArgs } from 'node:util';
import type { Output } from './commands';

// The commands (and through them the whole API, the engine, the Excel and statement readers) are
// loaded only when a command runs, so `tkpi --help` and a mistyped option answer at once.
const USAGE = `用法 / usage:
  tkpi load      --db FILE BUNDLE.json           用数据包替换数据库中的全部数据
  tkpi dump      --db FILE                       把数据库导出为数据包（JSON，输出到标准输出）
  tkpi import-bank --db FILE STATEMENT [--json] [--columns "date=1,credit=5,debit=4,payer=8"]
                                                       导入一份银行对账单（.xlsx .xls .csv）；--columns 按列号（从 1 开始）
                                                       指定各列，可加 header=N 指定表头行，并记住这套列设置
  tkpi appraise  --db FILE --quarter 2026Q3 [--json]   计算一个季度的考核结果
  tkpi annual    --db FILE --year 2026 [--json]        全年绩效评定
  tkpi receivables --db FILE --as-of 2026-09-30 [--json]   应收账款账龄与信用（截至某日）
  tkpi export-forms --db FILE --quarter 2026Q3 --out DIR [--per-person]   导出绩效考核表（Excel）
  tkpi import-self-review --db FILE FORM.xlsx [--quarter 2026Q3]          导入被考核人填好自评的考核表
退出码：0 成功；2 输入有误（一行说明原因，数据库不变）；1 程序错误`;

async function run(argv: string[]): Promise<Output> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') return { stdout: USAGE };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        quarter: { type: 'string' },
        year: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        columns: { type: 'string' },
        json: { type: 'boolean', default: false },
        'per-person': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    const { CliInputError } = await import('./cliError');
    throw new CliInputError(`参数有误：${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  const {
    annualCommand,
    appraiseCommand,
    dumpCommand,
    exportFormsCommand,
    importBankCommand,
    importSelfReviewCommand,
    loadCommand,
    receivablesCommand,
    requireOption,
  } = await import('./commands');
  const db = () => requireOption(values.db, '--db FILE');
  switch (command) {
    case 'load':
      return loadCommand(db(), requireOption(positionals[0], 'BUNDLE.json'));
    case 'dump':
      return dumpCommand(db());
    case 'import-bank':
      return importBankCommand(db(), requireOption(positionals[0], 'STATEMENT'), values.json, values.columns);
    case 'appraise':
      return appraiseCommand(db(), requireOption(values.quarter, '--quarter'), values.json);
    case 'export-forms':
      return exportFormsCommand(db(), requireOption(values.quarter, '--quarter'), requireOption(values.out, '--out DIR'), values['per-person']);
    case 'import-self-review':
      return importSelfReviewCommand(db(), requireOption(positionals[0], 'FORM.xlsx'), values.quarter);
    case 'receivables':
      return receivablesCommand(db(), requireOption(values['as-of'], '--as-of'), values.json);
    case 'annual':
      return annualCommand(db(), requireOption(values.year, '--year'), values.json);
    default: {
      const { CliInputError } = await import('./cliError');
      throw new CliInputError(`未知命令 ${command}\n${USAGE}`);
    }
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  try {
    const output = await run(argv);
    process.stdout.write(`${output.stdout}\n`);
    if (output.stderr) process.stderr.write(`${output.stderr}\n`);
  } catch (error) {
    const file =
      argv[0] === 'load' || argv[0] === 'import-bank' || argv[0] === 'import-self-review'
        ? argv.find((a, i) => i > 0 && !a.startsWith('--') && argv[i - 1] !== '--db' && argv[i - 1] !== '--columns')
        : undefined;
    const { errorLine } = await import('./cliError');
    const { line, code } = errorLine(error, file);
    process.stderr.write(`tkpi: ${line}\n`);
    process.exitCode = code;
  }
}

void main();
