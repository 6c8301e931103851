import * as fs from 'fs';
import * as path from 'path';

/** n8n's canvas draws a node as a 100 × 100 box at its position (its top left corner). */
const NODE_SIZE = 100;
const EXAMPLES = path.resolve(__dirname, '../../examples');

interface ExampleNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { width?: number; height?: number };
}

const files = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')).sort();

describe('the example workflows as the canvas draws them', () => {
	it.each(files)('%s: no node lies on a sticky note', (file) => {
		const { nodes } = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { nodes: ExampleNode[] };
		const notes = nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		const overlaps = notes.flatMap((note) => {
			const [left, top] = note.position;
			const [right, bottom] = [left + (note.parameters.width ?? 240), top + (note.parameters.height ?? 160)];
			return nodes
				.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
				.filter(({ position: [x, y] }) => x < right && x + NODE_SIZE > left && y < bottom && y + NODE_SIZE > top)
				.map((node) => `${node.name} on ${note.name}`);
		});
		expect(overlaps).toEqual([]);
	});
});
