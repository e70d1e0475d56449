import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputOptions } from '../../shared/output/parameters';
import { checkEveryOption } from '../../shared/trigger/options';
import { marketplacesParameter, rowOutputParameters } from '../actions/common.descriptions';
import { reportTypeOptions } from '../reports/registry';

const only = (events: string[]) => ({ show: { '/event': events } });

export const sellingPartnerTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Amazon lets an account create about one report a minute. Whatever Poll Times says, this trigger checks at most every hour for feedback and account health (reusing a report for an hour) and every 15 minutes for Report Ready (which only reads reports Amazon already made). See "Check at Most Every".',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Account Health Changed',
				value: 'accountHealthChanged',
				description: 'The account status, a warning or a metric’s status (or whether it meets its target) changed since the last check',
			},
			{
				name: 'New Feedback',
				value: 'newFeedback',
				description: 'Each new negative or neutral (1–3 star) feedback, once',
			},
			{
				name: 'Report Ready',
				value: 'reportReady',
				description: 'Each report of a type that Amazon finishes, once, including those Amazon makes on a schedule',
			},
		],
		default: 'newFeedback',
	},
	{ ...marketplacesParameter, displayOptions: { show: { event: ['newFeedback', 'accountHealthChanged'] } } },
	{
		displayName: 'Report Type',
		name: 'reportType',
		type: 'options',
		options: reportTypeOptions(),
		default: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE',
		required: true,
		description:
			'The report type to watch. Any other report type can be given by its ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { event: ['reportReady'] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return typed items, as the Amazon Selling Partner node’s Get does. Off: Amazon’s column names and text, or the document as Amazon sent it.',
		displayOptions: { show: { event: ['reportReady'] } },
	},
	...updateDisplayOptions({ show: { event: ['reportReady'] } }, rowOutputParameters),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			checkEveryOption(60, 'Default: 60 minutes, or 15 for Report Ready; a report still being made is collected on the next poll regardless.'),
			{
				displayName: 'Emit All Failing Metrics Every Check',
				name: 'emitAllFailing',
				type: 'boolean',
				default: false,
				description: 'Whether to emit, every check, all metrics not meeting their target, instead of only the changes',
				displayOptions: only(['accountHealthChanged']),
			},
			{
				displayName: 'Look Back (Hours)',
				name: 'lookBackHours',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 2160 },
				default: 72,
				description: 'Reports created this long ago or less are watched: a report that takes longer than this to finish is not emitted',
				displayOptions: only(['reportReady']),
			},
			{ ...outputOptions.maxGroups, displayOptions: { show: { '/event': ['reportReady'], '/returnRowsAs': ['summary'] } } },
			{ ...outputOptions.maxItemsSize, displayOptions: { show: { '/event': ['reportReady'], '/returnRowsAs': ['items'] } } },
			{
				displayName: 'Maximum Rating',
				name: 'maxRating',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5 },
				default: 3,
				description: 'Only feedback rated this or lower',
				displayOptions: only(['newFeedback']),
			},
			{
				displayName: 'Minimum Rating',
				name: 'minRating',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5 },
				default: 1,
				description: 'Only feedback rated this or higher',
				displayOptions: only(['newFeedback']),
			},
			{
				displayName: 'On First Check, Emit the Last (Days)',
				name: 'backfillDays',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 14 },
				default: 0,
				description: 'Feedback from this many days back to emit on the first check of a marketplace. 0 starts from now.',
				displayOptions: only(['newFeedback']),
			},
			{ ...outputOptions.fileField, displayOptions: { show: { '/event': ['reportReady'], '/returnRowsAs': ['file'] } } },
			{
				displayName: 'Return File Instead of Items',
				name: 'returnFile',
				type: 'boolean',
				default: false,
				description: 'Whether to emit each report as one item with its document as a file, instead of its rows',
				displayOptions: only(['reportReady']),
			},
			{
				displayName: 'Reuse Recent Report (Minutes)',
				name: 'reuseWithinMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'Checks within this time read the same report instead of creating one (Amazon allows about one new report a minute). Changes show up once a newer report is made.',
				displayOptions: only(['newFeedback', 'accountHealthChanged']),
			},
		],
	},
];
