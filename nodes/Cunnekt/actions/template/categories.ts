import { TEMPLATE_CATEGORIES } from '../../whatsapp/templateDefinition';
import type { TemplateCategory } from '../../whatsapp/templateDefinition';

/** How the editor names and explains each of WhatsApp's template categories (the list: whatsapp/templateDefinition.ts). */
const CATEGORY_LABELS: Readonly<Record<TemplateCategory, { name: string; description: string }>> = {
	AUTHENTICATION: { name: 'Authentication', description: 'One-time passcodes' },
	MARKETING: { name: 'Marketing', description: 'Offers, announcements, invitations' },
	UTILITY: { name: 'Utility', description: 'Updates on an order, account or appointment' },
};

/** WhatsApp's template categories, for Create and for Get Many's filter, in alphabetical order as n8n shows options. */
export const categoryOptions = TEMPLATE_CATEGORIES.map((value) => {
	const { name, description } = CATEGORY_LABELS[value];
	return { name, value, description };
}).sort((a, b) => a.name.localeCompare(b.name));
