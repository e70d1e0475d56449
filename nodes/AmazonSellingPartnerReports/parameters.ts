// Reading and checking the parameters the report operations share, before any request is sent.
import type { IExecuteFunctions } from 'n8n-workflow';

import { AmazonRequestError } from '../shared/errors';
import type { SpApiConnection } from './api';
import { SP_API_CREDENTIAL, spApiConnection } from './api';
import type { LifecycleOptions } from './lifecycle';
import { marketplaceById, REGION_NAMES } from './marketplaces';
import type { RunOptions } from './runReport';

export async function connectionFor(this: IExecuteFunctions, itemIndex: number): Promise<SpApiConnection> {
	return spApiConnection(await this.getCredentials(SP_API_CREDENTIAL, itemIndex));
}

/** The chosen marketplaces, each known and in the credential's region. */
export function marketplaceIdsFor(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: SpApiConnection,
	parameter = 'marketplaceIds',
): string[] {
	return checkMarketplaces(this.getNodeParameter(parameter, itemIndex, []) as string[] | string, connection);
}

/** Marketplace IDs from a list or comma-separated text, each known and in the credential's region. */
export function checkMarketplaces(raw: string[] | string, connection: SpApiConnection): string[] {
	const ids = (Array.isArray(raw) ? raw : String(raw).split(','))
		.map((id) => String(id).trim())
		.filter(Boolean);
	if (!ids.length) {
		throw new AmazonRequestError('No marketplace chosen', {
			description: 'Choose at least one marketplace in "Marketplaces".',
		});
	}
	if (ids.length > 25) {
		throw new AmazonRequestError(`${ids.length} marketplaces chosen; Amazon takes at most 25 per report`, {
			description: 'Split the marketplaces over several nodes or items.',
		});
	}
	for (const id of ids) {
		const marketplace = marketplaceById(id);
		if (!marketplace) {
			throw new AmazonRequestError(`"${id}" is not an Amazon marketplace ID`, {
				description: 'Choose the marketplace from the list; IDs look like ATVPDKIKX0DER (United States).',
			});
		}
		if (marketplace.region !== connection.region) {
			throw new AmazonRequestError(
				`${marketplace.name} is in ${REGION_NAMES[marketplace.region]}, but the credential is for ${REGION_NAMES[connection.region]}`,
				{
					description: `Use a credential with Region "${REGION_NAMES[marketplace.region]}" for this marketplace, or remove it from "Marketplaces".`,
				},
			);
		}
	}
	return ids;
}

/** An optional date-time parameter as ISO 8601 UTC; undefined when empty. */
export function dateParameter(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string | undefined {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === null || value === undefined) return undefined;
	const text = String(value).trim();
	const time = Date.parse(text);
	if (!text || Number.isNaN(time)) {
		throw new AmazonRequestError(`"${label}" is not a date: "${text}"`, {
			description: 'Pick a date, or write it as ISO 8601, e.g. 2025-03-01T00:00:00Z.',
		});
	}
	return new Date(time).toISOString();
}

/** Start and end checked against each other and against now. */
export function checkRange(
	start: { label: string; value?: string },
	end: { label: string; value?: string },
	maxAgeDays?: number,
): void {
	const now = Date.now();
	for (const { label, value } of [start, end]) {
		if (value && Date.parse(value) > now + 60_000) {
			throw new AmazonRequestError(`"${label}" (${value}) is in the future`, {
				description: 'Amazon only reports on the past: choose a moment up to now.',
			});
		}
	}
	if (start.value && end.value && Date.parse(start.value) > Date.parse(end.value)) {
		throw new AmazonRequestError(`"${start.label}" (${start.value}) is after "${end.label}" (${end.value})`, {
			description: `Swap them, or set "${start.label}" to the earlier moment.`,
		});
	}
	if (maxAgeDays && start.value && Date.parse(start.value) < now - maxAgeDays * 86_400_000) {
		throw new AmazonRequestError(`"${start.label}" (${start.value}) is more than two years back`, {
			description: 'Amazon keeps this report for start dates up to two years before today.',
		});
	}
}

interface OptionValues {
	attachFile?: boolean;
	failIfNoData?: boolean;
	maxWaitMinutes?: number;
	binaryPropertyName?: string;
	reuseWithinMinutes?: number;
}

/** The Options collection and the progress reporting every report operation shares. */
export function runOptionsFor(
	this: IExecuteFunctions,
	itemIndex: number,
	output: string,
	as: 'items' | 'binary' = 'items',
): RunOptions {
	const options = this.getNodeParameter('options', itemIndex, {}) as OptionValues;
	const lifecycle: LifecycleOptions = {
		reuseWithinMinutes: Math.max(0, Number(options.reuseWithinMinutes ?? 0)),
		maxWaitMinutes: Math.max(0.1, Number(options.maxWaitMinutes ?? 15)),
		signal: this.getExecutionCancelSignal(),
		progress: (message) => {
			this.logger.info(message);
			if (this.getMode() === 'manual') this.sendMessageToUI(message);
		},
	};
	return {
		as,
		output,
		failIfNoData: options.failIfNoData === true,
		attachFile: options.attachFile === true,
		binaryPropertyName: options.binaryPropertyName?.trim() || 'data',
		lifecycle,
	};
}
