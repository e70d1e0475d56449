// Documentation pages, one per node. n8n appends a query string to a node's documentationUrl, so
// a README #anchor would be lost: each node has a page of its own under docs/.
const BASE = 'https://github.com/n8n-nodes-amazon-reports/n8n-nodes-amazon-reports/blob/main/docs';

export const DOCS = {
	appstore: `${BASE}/amazon-appstore.md`,
	appstoreTrigger: `${BASE}/amazon-appstore-trigger.md`,
	sellingPartner: `${BASE}/amazon-selling-partner.md`,
	sellingPartnerTrigger: `${BASE}/amazon-selling-partner-trigger.md`,
	credentials: `${BASE}/credentials.md`,
};
