// The one undo history of the window, listening to the document store from start-up.
import { HistoryManager } from './history';

export const history = new HistoryManager();
history.attach();
