// The Selling Partner trigger's events: one file each.
import type { TriggerEvent } from '../../shared/trigger/event';
import type { SpApiConnection } from '../transport/reportsApi';
import { accountHealthChangedEvent } from './accountHealthChanged.event';
import { newFeedbackEvent } from './newFeedback.event';
import { reportReadyEvent } from './reportReady.event';

export const SELLING_PARTNER_EVENTS: Array<TriggerEvent<SpApiConnection>> = [accountHealthChangedEvent, newFeedbackEvent, reportReadyEvent];
