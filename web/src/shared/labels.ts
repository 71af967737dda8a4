/** Labels of domain enums shown by more than one feature. */
import { APPLICATION_MODES, TITLE_LEVELS } from '@zc/domain';

export const levelLabel = (l: string) => TITLE_LEVELS.find((t) => t.value === l)?.label ?? l;
export const modeLabel = (m: string) => APPLICATION_MODES.find((x) => x.value === m)?.label ?? m;
