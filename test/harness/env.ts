// Must be imported before n8n-core: n8n-core reads these when it is first loaded.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its instance settings under N8N_USER_FOLDER (default ~/.n8n).
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-amazon-reports-'));
// The emulator listens on 127.0.0.1; a proxy set on the machine must not capture it.
process.env.NO_PROXY = [process.env.NO_PROXY, '127.0.0.1', 'localhost'].filter(Boolean).join(',');
process.env.N8N_LOG_LEVEL ??= 'silent';
