// Sums without float noise: 0.1 + 0.2 is 0.3. Values are added as integers of the finest decimal
// place seen so far (money has 2, some rates 4 to 6), so a million prices add up to the cent; a
// value with more decimals than that, or a total past 2^53 units, continues as a compensated
// (Neumaier) float sum.
const MAX_DECIMALS = 6;
const POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
const SAFE_UNITS = Number.MAX_SAFE_INTEGER / 16;
/**
 * How far a scaled value may be from a whole number and still be one: a few units in the last
 * place of a double (relative 2^-52), from the decimal text it was parsed from. Not more: a
 * tolerance of 1e-7 took 117,309,447.69 for 117,309,448.
 */
const WHOLE_TOLERANCE = 1e-14;

export class DecimalSum {
	/** The total in units of 10^-decimals, while exact. */
	private units = 0;

	private decimals = 0;

	private exact = true;

	private float = 0;

	private compensation = 0;

	add(value: number): void {
		if (!Number.isFinite(value)) return;
		if (!this.exact) {
			this.addFloat(value);
			return;
		}
		let decimals = this.decimals;
		let scaled = value * POWERS[decimals];
		let rounded = Math.round(scaled);
		while (Math.abs(scaled - rounded) > WHOLE_TOLERANCE * Math.max(1, Math.abs(scaled))) {
			if (++decimals > MAX_DECIMALS) {
				this.toFloat();
				this.addFloat(value);
				return;
			}
			scaled = value * POWERS[decimals];
			rounded = Math.round(scaled);
		}
		if (decimals !== this.decimals) {
			if (Math.abs(this.units) * POWERS[decimals - this.decimals] > SAFE_UNITS) {
				this.toFloat();
				this.addFloat(value);
				return;
			}
			this.units *= POWERS[decimals - this.decimals];
			this.decimals = decimals;
		}
		this.units += rounded;
		if (Math.abs(this.units) > SAFE_UNITS) this.toFloat();
	}

	get value(): number {
		return this.exact ? this.units / POWERS[this.decimals] : this.float + this.compensation;
	}

	private toFloat(): void {
		this.exact = false;
		this.float = this.units / POWERS[this.decimals];
		this.compensation = 0;
	}

	private addFloat(value: number): void {
		const total = this.float + value;
		this.compensation += Math.abs(this.float) >= Math.abs(value) ? this.float - total + value : value - total + this.float;
		this.float = total;
	}
}
