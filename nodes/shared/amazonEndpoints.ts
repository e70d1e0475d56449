// Amazon's addresses and fixed values, in one place: the transports, the credentials' defaults
// and their declarative tests all read them here.

/** Login with Amazon's token endpoint (both APIs). */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** The Appstore Reporting API. */
export const APPSTORE_API_BASE_URL = 'https://developer.amazon.com';

/** The Reporting API's only scope, for the client-credentials grant. */
export const APPSTORE_SCOPE = 'adx_reporting::appstore:marketer';

/** The Selling Partner API's regions: one credential serves one. */
export type Region = 'na' | 'eu' | 'fe';

export const REGIONS: Region[] = ['na', 'eu', 'fe'];

/** The Selling Partner API's host for a region, in production or Amazon's static sandbox. */
export function sellingPartnerApiUrl(region: Region, environment: 'production' | 'sandbox' = 'production'): string {
	return `https://${environment === 'sandbox' ? 'sandbox.' : ''}sellingpartnerapi-${region}.amazon.com`;
}
