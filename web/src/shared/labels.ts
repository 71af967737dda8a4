/** Labels of domain enums shown by more than one feature: the words come from the domain's LABELS (issue 9 item 6). */
import { labelOf } from '@zc/domain';

export const levelLabel = (l: string) => labelOf('titleLevel', l);
export const modeLabel = (m: string) => labelOf('applicationMode', m);
