import { render } from 'preact';
render(<main>Bitlens</main>, document.getElementById('app')!);
