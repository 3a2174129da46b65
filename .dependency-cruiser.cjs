// The direction of imports (docs/architecture.md, DESIGN.md "Architecture"), checked in CI:
//   web ──> contract ;  http, cli ──> app ──> core ;  app ──> db ──> core
// Type-only imports of domain types across layers are allowed where noted; runtime calls are not.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports nothing of ours but core and the shared contract (reason codes), and no I/O modules (node:crypto is a pure hash)',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/core/', '^src/contract/', '^node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'contract-stands-alone',
      comment: 'the contract is shared with the web: it imports nothing of ours but itself (and zod)',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/contract/', '^node_modules/'] },
    },
    {
      name: 'core-has-no-io',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], pathNot: '^node:crypto$|^crypto$' },
    },
    {
      name: 'edges-go-through-app',
      comment: 'http, cli and jobs call use cases in app, never a store; opening the database (and its DuckDB mirror) is the composition root',
      severity: 'error',
      from: { path: '^src/(http|cli|jobs)/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^src/db/',
        pathNot: '^src/db/(open-database|open-configured-database|migrate|columnar/open-optional-profile-mirror)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'lower-layers-do-not-import-edges',
      severity: 'error',
      from: { path: '^src/(core|db|app)/' },
      to: { path: '^src/(http|cli|jobs)/' },
    },
    {
      name: 'db-does-not-call-app',
      severity: 'error',
      from: { path: '^src/db/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-only-through-contract',
      comment: 'the web talks to the HTTP API; of the server code it imports only the shared contract',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: '^src/contract/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|web/dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
}
