// Amazon marketplaces of the Selling Partner API, by region.
import type { INodePropertyOptions } from 'n8n-workflow';

export type Region = 'na' | 'eu' | 'fe';

export interface Marketplace {
	id: string;
	country: string;
	name: string;
	region: Region;
	/** How the marketplace writes dates in flat files: US M/D/YY, DE DD.MM.YY, JP YY/MM/DD, … */
	dateOrder: 'MDY' | 'DMY' | 'YMD';
}

export const MARKETPLACES: Marketplace[] = [
	{ id: 'ATVPDKIKX0DER', country: 'US', name: 'United States (amazon.com)', region: 'na', dateOrder: 'MDY' },
	{ id: 'A2EUQ1WTGCTBG2', country: 'CA', name: 'Canada (amazon.ca)', region: 'na', dateOrder: 'DMY' },
	{ id: 'A1AM78C64UM0Y8', country: 'MX', name: 'Mexico (amazon.com.mx)', region: 'na', dateOrder: 'DMY' },
	{ id: 'A2Q3Y263D00KWC', country: 'BR', name: 'Brazil (amazon.com.br)', region: 'na', dateOrder: 'DMY' },
	{ id: 'A1F83G8C2ARO7P', country: 'UK', name: 'United Kingdom (amazon.co.uk)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A1PA6795UKMFR9', country: 'DE', name: 'Germany (amazon.de)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A13V1IB3VIYZZH', country: 'FR', name: 'France (amazon.fr)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'APJ6JRA9NG5V4', country: 'IT', name: 'Italy (amazon.it)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A1RKKUPIHCS9HS', country: 'ES', name: 'Spain (amazon.es)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A1805IZSGTT6HS', country: 'NL', name: 'Netherlands (amazon.nl)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A2NODRKZP88ZB9', country: 'SE', name: 'Sweden (amazon.se)', region: 'eu', dateOrder: 'YMD' },
	{ id: 'A1C3SOZRARQ6R3', country: 'PL', name: 'Poland (amazon.pl)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'AMEN7PMS3EDWL', country: 'BE', name: 'Belgium (amazon.com.be)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A28R8C7NBKEWEA', country: 'IE', name: 'Ireland (amazon.ie)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A33AVAJ2PDY3EV', country: 'TR', name: 'Turkey (amazon.com.tr)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'ARBP9OOSHTCHU', country: 'EG', name: 'Egypt (amazon.eg)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A17E79C6D8DWNP', country: 'SA', name: 'Saudi Arabia (amazon.sa)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A2VIGQ35RCS4UG', country: 'AE', name: 'United Arab Emirates (amazon.ae)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A21TJRUUN4KGV', country: 'IN', name: 'India (amazon.in)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'AE08WJ6YKNBMC', country: 'ZA', name: 'South Africa (amazon.co.za)', region: 'eu', dateOrder: 'DMY' },
	{ id: 'A1VC38T7YXB528', country: 'JP', name: 'Japan (amazon.co.jp)', region: 'fe', dateOrder: 'YMD' },
	{ id: 'A39IBJ37TRP1C6', country: 'AU', name: 'Australia (amazon.com.au)', region: 'fe', dateOrder: 'DMY' },
	{ id: 'A19VAU5U5O7RUS', country: 'SG', name: 'Singapore (amazon.sg)', region: 'fe', dateOrder: 'DMY' },
];

const BY_ID = new Map(MARKETPLACES.map((marketplace) => [marketplace.id, marketplace]));

export const REGION_NAMES: Record<Region, string> = {
	na: 'North America',
	eu: 'Europe',
	fe: 'Far East',
};

export function marketplaceById(id: string): Marketplace | undefined {
	return BY_ID.get(id);
}

export function marketplaceOptions(): INodePropertyOptions[] {
	return MARKETPLACES.map((marketplace) => ({
		name: `${marketplace.name} [${REGION_NAMES[marketplace.region]}]`,
		value: marketplace.id,
	}));
}
