// Types for psl, so the project does not need a tsconfig "paths" entry for it (tsx follows
// such an entry at run time and then loads the .d.ts instead of the library).
declare module 'psl' {
  export interface ParsedDomain {
    tld: string | null;
    sld: string | null;
    domain: string | null;
    subdomain: string | null;
    listed: boolean;
    input: string;
  }
  export interface ParseError {
    input: string;
    error: { message: string; code: string };
  }
  export function parse(domain: string): ParsedDomain | ParseError;
  export function get(domain: string): string | null;
  export function isValid(domain: string): boolean;
}
