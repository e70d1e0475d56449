// ZIP files as Amazon's Appstore reports come: plain, or "streamed" (sizes in data descriptors).
import { Zip, ZipDeflate, zipSync } from 'fflate';

export interface ZipEntry {
	name: string;
	content: string | Uint8Array;
}

// The same content always makes the same bytes (and so the same S3 ETag).
const FIXED_TIME = new Date('2025-01-01T00:00:00Z');

export function buildZip(entries: ZipEntry[], options: { streamed?: boolean } = {}): Uint8Array {
	const bytes = (content: string | Uint8Array) => (typeof content === 'string' ? new TextEncoder().encode(content) : content);
	if (!options.streamed) {
		return zipSync(Object.fromEntries(entries.map((entry) => [entry.name, bytes(entry.content)])), { mtime: FIXED_TIME });
	}
	const parts: Uint8Array[] = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		parts.push(data);
	});
	for (const entry of entries) {
		// A streaming entry writes its sizes after the data, as streamed ZIPs do.
		const file = new ZipDeflate(entry.name, { level: 6 });
		file.mtime = FIXED_TIME;
		zip.add(file);
		file.push(bytes(entry.content), true);
	}
	zip.end();
	const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		joined.set(part, offset);
		offset += part.length;
	}
	return joined;
}
