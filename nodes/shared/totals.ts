// Sums of money without float noise: amounts are added as integers of 1/10,000 (Amazon's
// currencies have at most 2 decimals), so 0.1 + 0.2 is 0.3.
const SCALE = 10_000;

export class AmountTotals {
	private units = 0;

	add(amount: number): void {
		this.units += Math.round(amount * SCALE);
	}

	get value(): number {
		return this.units / SCALE;
	}
}

export function formatAmount(value: number): string {
	return value.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 });
}

export function formatCount(value: number): string {
	return value.toLocaleString('en-US');
}
