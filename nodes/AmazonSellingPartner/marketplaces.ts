// Amazon marketplaces of the Selling Partner API, by region.
import type { INodePropertyOptions } from 'n8n-workflow';

import type { Region } from '../shared/amazonEndpoints';
import type { DateOrder } from '../shared/pipeline/dates';

export type { Region };

export interface Marketplace {
	id: string;
	country: string;
	name: string;
	region: Region;
	/** How the marketplace writes dates in flat files: US M/D/YY, DE DD.MM.YY, JP YY/MM/DD, … */
	dateOrder: DateOrder;
	/** Its time zone, for times a file writes without one. */
	zone: string;
	/** Its flat files may write decimals with a comma (12,99). */
	decimalComma?: boolean;
	/** How amounts read there (BCP 47), for the texts of summaries: 1.234,56 in de-DE. */
	locale: string;
}

export const MARKETPLACES: Marketplace[] = [
	{ id: 'ATVPDKIKX0DER', country: 'US', name: 'United States (amazon.com)', region: 'na', dateOrder: 'MDY', zone: 'America/Los_Angeles', locale: 'en-US' },
	{ id: 'A2EUQ1WTGCTBG2', country: 'CA', name: 'Canada (amazon.ca)', region: 'na', dateOrder: 'DMY', zone: 'America/Toronto', locale: 'en-CA' },
	{ id: 'A1AM78C64UM0Y8', country: 'MX', name: 'Mexico (amazon.com.mx)', region: 'na', dateOrder: 'DMY', zone: 'America/Mexico_City', locale: 'es-MX' },
	{ id: 'A2Q3Y263D00KWC', country: 'BR', name: 'Brazil (amazon.com.br)', region: 'na', dateOrder: 'DMY', zone: 'America/Sao_Paulo', decimalComma: true, locale: 'pt-BR' },
	{ id: 'A1F83G8C2ARO7P', country: 'UK', name: 'United Kingdom (amazon.co.uk)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/London', locale: 'en-GB' },
	{ id: 'A1PA6795UKMFR9', country: 'DE', name: 'Germany (amazon.de)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Berlin', decimalComma: true, locale: 'de-DE' },
	{ id: 'A13V1IB3VIYZZH', country: 'FR', name: 'France (amazon.fr)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Paris', decimalComma: true, locale: 'fr-FR' },
	{ id: 'APJ6JRA9NG5V4', country: 'IT', name: 'Italy (amazon.it)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Rome', decimalComma: true, locale: 'it-IT' },
	{ id: 'A1RKKUPIHCS9HS', country: 'ES', name: 'Spain (amazon.es)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Madrid', decimalComma: true, locale: 'es-ES' },
	{ id: 'A1805IZSGTT6HS', country: 'NL', name: 'Netherlands (amazon.nl)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Amsterdam', decimalComma: true, locale: 'nl-NL' },
	{ id: 'A2NODRKZP88ZB9', country: 'SE', name: 'Sweden (amazon.se)', region: 'eu', dateOrder: 'YMD', zone: 'Europe/Stockholm', decimalComma: true, locale: 'sv-SE' },
	{ id: 'A1C3SOZRARQ6R3', country: 'PL', name: 'Poland (amazon.pl)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Warsaw', decimalComma: true, locale: 'pl-PL' },
	{ id: 'AMEN7PMS3EDWL', country: 'BE', name: 'Belgium (amazon.com.be)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Brussels', decimalComma: true, locale: 'nl-BE' },
	{ id: 'A28R8C7NBKEWEA', country: 'IE', name: 'Ireland (amazon.ie)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Dublin', locale: 'en-IE' },
	{ id: 'A33AVAJ2PDY3EV', country: 'TR', name: 'Turkey (amazon.com.tr)', region: 'eu', dateOrder: 'DMY', zone: 'Europe/Istanbul', decimalComma: true, locale: 'tr-TR' },
	{ id: 'ARBP9OOSHTCHU', country: 'EG', name: 'Egypt (amazon.eg)', region: 'eu', dateOrder: 'DMY', zone: 'Africa/Cairo', locale: 'en-EG' },
	{ id: 'A17E79C6D8DWNP', country: 'SA', name: 'Saudi Arabia (amazon.sa)', region: 'eu', dateOrder: 'DMY', zone: 'Asia/Riyadh', locale: 'en-SA' },
	{ id: 'A2VIGQ35RCS4UG', country: 'AE', name: 'United Arab Emirates (amazon.ae)', region: 'eu', dateOrder: 'DMY', zone: 'Asia/Dubai', locale: 'en-AE' },
	{ id: 'A21TJRUUN4KGV', country: 'IN', name: 'India (amazon.in)', region: 'eu', dateOrder: 'DMY', zone: 'Asia/Kolkata', locale: 'en-IN' },
	{ id: 'AE08WJ6YKNBMC', country: 'ZA', name: 'South Africa (amazon.co.za)', region: 'eu', dateOrder: 'DMY', zone: 'Africa/Johannesburg', locale: 'en-ZA' },
	{ id: 'A1VC38T7YXB528', country: 'JP', name: 'Japan (amazon.co.jp)', region: 'fe', dateOrder: 'YMD', zone: 'Asia/Tokyo', locale: 'ja-JP' },
	{ id: 'A39IBJ37TRP1C6', country: 'AU', name: 'Australia (amazon.com.au)', region: 'fe', dateOrder: 'DMY', zone: 'Australia/Sydney', locale: 'en-AU' },
	{ id: 'A19VAU5U5O7RUS', country: 'SG', name: 'Singapore (amazon.sg)', region: 'fe', dateOrder: 'DMY', zone: 'Asia/Singapore', locale: 'en-SG' },
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

/** The marketplaces of a region, as editor options sorted by name. */
export function marketplaceOptions(region?: Region): INodePropertyOptions[] {
	return MARKETPLACES.filter((marketplace) => !region || marketplace.region === region)
		.map((marketplace) => ({
			name: region ? marketplace.name : `${marketplace.name} [${REGION_NAMES[marketplace.region]}]`,
			value: marketplace.id,
			description: marketplace.id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The marketplace a file names by its site, e.g. "Amazon.de" or "amazon.co.uk" (not "Non-Amazon"). */
export function marketplaceBySite(text: string | null | undefined): Marketplace | undefined {
	const site = /^\s*(amazon\.[a-z.]+?)\s*$/i.exec(text ?? '')?.[1].toLowerCase();
	return site ? BY_SITE.get(site) : undefined;
}

const BY_SITE = new Map(MARKETPLACES.map((marketplace) => [/\((amazon\.[a-z.]+)\)/.exec(marketplace.name)?.[1] ?? '', marketplace]));

/** The marketplaces' sites as files name them (amazon.com, amazon.co.uk …), lower case. */
export const AMAZON_SITES: string[] = [...BY_SITE.keys()];
