import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { memo } from 'react';
import classes from './JobLogPanel.module.css';

export interface SectionHeaderProps {
  /** Its index among the sections. */
  index: number;
  title: string;
  detail: string;
  /** "3 errors"; null when none. */
  errors: string | null;
  /** Its lines were written outside every step (or have no time). */
  noStep: boolean;
  folded: boolean;
  onToggle: (section: number) => void;
  top: number;
  row: number;
}

/** A step section's header row in the log: which step, its lines and errors; folds on click. */
export const SectionHeader = memo(function SectionHeader(props: SectionHeaderProps) {
  const { index, title, detail, errors, noStep, folded, onToggle, top, row } = props;
  const Chevron = folded ? IconChevronRight : IconChevronDown;
  return (
    <div
      className={`${classes.sectionHeader} ${noStep ? classes.noStep : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-index={row}
      data-section={index}
    >
      <button
        type="button"
        className={classes.sectionButton}
        aria-expanded={!folded}
        title={[title, errors, detail].filter(Boolean).join(' - ')}
        onClick={() => onToggle(index)}
      >
        <Chevron size={14} aria-hidden className={classes.sectionChevron} />
        <span className={classes.sectionTitle}>{title}</span>
        {errors ? <span className={classes.sectionErrors}>{errors}</span> : null}
        <span className={classes.sectionDetail}>{detail}</span>
      </button>
    </div>
  );
});
