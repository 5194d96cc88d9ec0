// Types of bin/cliBundle.js for the TypeScript that uses it (the benchmark, the tests).
export declare const ROOT: string;
export declare const CLI_BUNDLE: string;
export declare const CLI_INPUTS: string;
/** `root`: another checkout laid out like this one (the tests use a temporary folder). */
export declare function freshCliBundle(root?: string): string | null;
