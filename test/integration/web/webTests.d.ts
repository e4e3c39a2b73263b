// The generated module of test files (scripts/test/buildIntegrationWeb.ts); importing it runs their describe() calls.
declare module 'marginalia-web-tests' {}
