// Captures what n8n-core's logger receives, so tests can check logs hold no secret. n8n-core
// resolves its Logger from the DI container; this replaces it with one that records lines.
import './env';

import { createRequire } from 'node:module';

import { LoggerProxy } from 'n8n-workflow';

// n8n-core has its own copies of its DI container and logger: use those, not any hoisted ones.
const fromCore = createRequire(require.resolve('n8n-core'));
const { Container } = fromCore('@n8n/di') as typeof import('@n8n/di');
const { Logger } = fromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');
type Logger = InstanceType<typeof Logger>;

export const logLines: string[] = [];

const record =
	(level: string) =>
	(message: string, metadata?: unknown): void => {
		logLines.push(`${level} ${message}${metadata === undefined ? '' : ` ${JSON.stringify(metadata)}`}`);
	};

const capturingLogger = {
	error: record('error'),
	warn: record('warn'),
	info: record('info'),
	debug: record('debug'),
	scoped() {
		return capturingLogger;
	},
};

Container.set(Logger, capturingLogger as unknown as Logger);
LoggerProxy.init(capturingLogger as unknown as Parameters<typeof LoggerProxy.init>[0]);
