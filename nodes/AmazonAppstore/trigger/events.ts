// The Appstore trigger's events: one file each.
import type { TriggerEvent } from '../../shared/trigger/event';
import type { AppstoreConnection } from '../transport/reportingApi';
import { newMonthlyReportEvent } from './newMonthlyReport.event';
import { newSalesTransactionEvent } from './newSalesTransaction.event';

export const APPSTORE_EVENTS: Array<TriggerEvent<AppstoreConnection>> = [newMonthlyReportEvent, newSalesTransactionEvent];
