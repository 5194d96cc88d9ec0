// Types of bin/cliBundle.js for the TypeScript that uses it (the benchmark, the tests).
export declare const ROOT: string;
export declare const CLI_BUNDLE: string;
export declare const CLI_INPUTS: string;
export declare function freshCliBundle(): string | null;
