/** Passes chunks through while keeping them, for callers that also want the original file. */
export async function* keepCopy(
	chunks: AsyncIterable<Uint8Array>,
	kept: Uint8Array[],
): AsyncIterable<Uint8Array> {
	for await (const chunk of chunks) {
		kept.push(chunk);
		yield chunk;
	}
}
