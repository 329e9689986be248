import { render } from 'preact';

render(<p>Factlens</p>, document.getElementById('app') as HTMLElement);
