import { config } from '@n8n/node-cli/eslint';

// n8n's community-node rules, n8n Cloud's included, apply to everything the package ships
// (nodes/ and credentials/). The emulator, tests, scripts and benchmarks never ship: they run
// under Node, not inside n8n, so the Cloud-only sandbox rules (no `process`, no timers, no
// Node built-ins), the ban on child processes (the package test runs `npm pack`) and no-console
// do not apply to them.
export default [
	...config,
	{
		files: ['emulator/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'no-console': 'off',
		},
	},
];
