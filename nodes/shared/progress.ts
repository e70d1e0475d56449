import type { IExecuteFunctions } from 'n8n-workflow';

/** Long waits are told to the log, and in manual runs to the editor (the browser console). */
export function progressFor(this: IExecuteFunctions): (message: string) => void {
	const manual = this.getMode() === 'manual';
	return (message) => {
		this.logger.info(message);
		if (manual) this.sendMessageToUI(message);
	};
}
