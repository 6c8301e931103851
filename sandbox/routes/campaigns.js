// @ts-check
/**
 * Campaigns: GET /campaigns, POST /campaigns (every recipient's mobile and components checked against the template,
 * as a send is), POST /campaigns/{id}/launch (one send per recipient in state.sent; a campaign launches once).
 */
const crypto = require('crypto');
const { answers } = require('../errors');
const { newWamid } = require('../state');
const { checkComponents } = require('../templates-logic');

const MOBILE = /^\d{8,15}$/;
/** The current platform's campaigns (routes/current.js) may name a recipient by its business-scoped user ID. */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/** A campaign as Cunnekt lists it: without its recipients, with their count. */
function summary(campaign) {
	const { recipients, ...rest } = campaign;
	return { ...rest, recipient_count: recipients.length };
}

/** The template check's answer, with the recipient it is about in front of its details. */
function aboutRecipient(answer, index, mobile) {
	const prefix = `recipients[${index}] (${mobile}): `;
	const body = answer.body;
	const error = body.error ? { ...body.error, error_data: { details: prefix + (body.error.error_data?.details ?? '') } } : undefined;
	return { ...answer, body: { ...body, ...(error ? { error } : { message: prefix + body.message }) } };
}

function recipientsProblem(template, recipients) {
	if (recipients === undefined) return undefined;
	if (!Array.isArray(recipients)) return answers.malformed('recipients must be an array');
	for (const [index, recipient] of recipients.entries()) {
		const mobile = String(recipient?.mobile ?? '');
		if (!MOBILE.test(mobile) && !BSUID.test(mobile)) return answers.malformed(`recipients[${index}].mobile must be 8 to 15 digits`);
		const mismatch = checkComponents(template, recipient.template?.components);
		if (mismatch) return aboutRecipient(mismatch, index, mobile);
	}
	return undefined;
}

module.exports = function registerCampaigns(app) {
	app.route('GET', '/campaigns', (_req, sandbox) => ({
		status: 200,
		body: { data: [...sandbox.state.campaigns.values()].map(summary) },
	}));

	app.route('POST', '/campaigns', (req, sandbox) => {
		const body = req.body;
		if (typeof body !== 'object' || body === null) return answers.malformed('expected a JSON object');
		if (typeof body.name !== 'string' || body.name.trim() === '') return answers.malformed('name is required');
		if (!body.templateid) return answers.malformed('templateid is required');
		const template = sandbox.state.templates.get(String(body.templateid));
		if (!template) return answers.unknownTemplate(body.templateid);
		if (template.status !== 'APPROVED') return answers.templateNotApproved(template.id, template.status);
		const problem = recipientsProblem(template, body.recipients);
		if (problem) return problem;
		const campaign = {
			id: `cmp_${crypto.randomBytes(4).toString('hex')}`,
			name: body.name,
			templateid: template.id,
			status: 'DRAFT',
			created_at: new Date().toISOString(),
			recipients: body.recipients ?? [],
		};
		sandbox.state.campaigns.set(campaign.id, campaign);
		return { status: 200, body: summary(campaign) };
	});

	app.route('POST', '/campaigns/:id/launch', (req, sandbox) => {
		const campaign = sandbox.state.campaigns.get(req.params.id);
		if (!campaign) return answers.notFound(`Campaign ${req.params.id}`);
		if (campaign.status === 'LAUNCHED')
			return { status: 409, body: { status: 'error', message: `Campaign ${campaign.id} was already launched at ${campaign.launched_at}` } };
		if (campaign.recipients.length === 0) return answers.malformed(`campaign ${campaign.id} has no recipients`);
		const messages = campaign.recipients.map((recipient) => {
			const id = newWamid();
			const body = { campaignid: campaign.id, mobile: recipient.mobile, templateid: campaign.templateid };
			if (recipient.template) body.template = recipient.template;
			sandbox.state.sent.push({ id, mobile: recipient.mobile, endpoint: 'campaign', body, at: Date.now() });
			return { mobile: recipient.mobile, id };
		});
		campaign.status = 'LAUNCHED';
		campaign.launched_at = new Date().toISOString();
		return { status: 200, body: { ...summary(campaign), messages } };
	});
};
