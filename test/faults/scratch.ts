import { startAmazonEmulator } from '../../emulator';
import { buildZip } from '../../emulator/zip';
import { SALES_HEADER, salesLine } from '../../bench/fixtures';
import { runAgainst, APPSTORE, SELLING_PARTNER, US } from '../harness/amazon';

async function main() {
	const emulator = await startAmazonEmulator();
	const lines = [SALES_HEADER];
	for (let i = 0; i < 3000; i++) lines.push(salesLine(i));
	const csv = lines.join('\r\n') + '\r\n';
	const zip = buildZip([{ name: 'sales_2025_03.csv', content: csv }], { streamed: true });
	console.log('csv', csv.length, 'zip', zip.length);
	for (const at of [60, 200, 1000, 5000, 10000, 20000, 30000, zip.length - 200, zip.length - 30]) {
		emulator.reset();
		emulator.appstore.setReport('sales', '2025-03', { zip });
		emulator.s3.fault({ kind: 'corrupt', atByte: at });
		const t = Date.now();
		const { items, error } = await runAgainst(emulator, APPSTORE, { operation: 'getSalesReport', period: 'month', month: '2025-03' });
		console.log(at, items.length, error?.message, Date.now() - t);
	}
	const start = new Date(Date.now() - 90 * 86400000).toISOString();
	const end = new Date(Date.now() - 86400000).toISOString();
	for (const at of [12, 100, 300, 500, 690, 700]) {
		emulator.reset();
		emulator.s3.fault({ kind: 'corrupt', atByte: at });
		const { items, error } = await runAgainst(emulator, SELLING_PARTNER, { operation: 'get', reportType: 'GET_SELLER_FEEDBACK_DATA', marketplaceIds: [US], dataStartTime: start, dataEndTime: end });
		console.log('gz', at, items.length, error?.message);
	}
	await emulator.close();
}
void main();
