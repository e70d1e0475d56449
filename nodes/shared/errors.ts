import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export interface AmazonErrorDetails {
	/** What the user should do about it. */
	description?: string;
	/** HTTP status Amazon answered with, when the error came from an answer. */
	httpCode?: number;
	/** Amazon's own error code or body, safe to show (never contains a secret). */
	amazonResponse?: string;
	/** The execution was cancelled: not Amazon's fault, not worth retrying. */
	cancelled?: boolean;
}

/**
 * An error from talking to Amazon, with a message that names the problem and a description that
 * names the fix. Transport and pipeline code throw it; nodes turn it into NodeApiError.
 */
export class AmazonRequestError extends Error {
	readonly details: AmazonErrorDetails;

	constructor(message: string, details: AmazonErrorDetails = {}) {
		super(message);
		this.name = 'AmazonRequestError';
		this.details = details;
	}
}

/** The error of a failed poll: like toNodeError, but a poll has no input item to name. */
export function toTriggerError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	const nodeError = toNodeError(node, error, 0);
	delete nodeError.context.itemIndex;
	return nodeError;
}

/** Turns anything thrown while handling item `itemIndex` into the error n8n shows the user. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof AmazonRequestError) {
		const { description, httpCode, amazonResponse } = error.details;
		if (httpCode === undefined) {
			return new NodeOperationError(node, error.message, { description, itemIndex });
		}
		const response: JsonObject = { message: error.message, httpCode: String(httpCode) };
		if (amazonResponse) response.amazonResponse = amazonResponse;
		return new NodeApiError(node, response, {
			message: error.message,
			description,
			httpCode: String(httpCode),
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}
