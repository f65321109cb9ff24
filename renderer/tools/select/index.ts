// The select tool: click, Shift-click, Shift-drag box, drag to move, click a cable (see each state's file).
import { Tool } from '../types';
import { SelectBrushing } from './Brushing';
import { SelectDragging } from './Dragging';
import { SelectIdle } from './Idle';
import { SelectPointing } from './Pointing';
import { SelectPointingCable } from './PointingCable';

export function createSelectTool(): Tool {
  return new Tool('select', (t) => [new SelectIdle(t), new SelectPointing(t), new SelectDragging(t), new SelectBrushing(t), new SelectPointingCable(t)]);
}
