/** Where progress lines go: the CLI prints them, tests collect them. */
export type Report = (line: string) => void;
