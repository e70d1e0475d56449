import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from './errors';

/**
 * Runs `operation` once per input item, with that item's parameters. Output items are paired with
 * their input item; with "On Error: Continue", a failing item becomes an error item instead of
 * stopping the workflow. Items are passed on as they are (a report can have a million).
 */
export async function runPerItem(
	context: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const count = context.getInputData().length;
	let output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const results = await operation(itemIndex);
			// One pairing object for all of an input item's results (a report can have a million).
			const pairedItem = { item: itemIndex };
			for (const result of results) result.pairedItem ??= pairedItem;
			if (count === 1) output = results;
			else for (const result of results) output.push(result);
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, itemIndex);
			if (context.continueOnFail()) {
				output.push({
					json: { error: nodeError.message, description: nodeError.description ?? null },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return [output];
}
