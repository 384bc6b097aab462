import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { memo } from 'react';
import type { SectionText } from '../model/sectionText';
import classes from './JobLogPanel.module.css';

export interface SectionHeaderProps {
  /** Its index among the sections. */
  index: number;
  text: SectionText;
  /** Its lines were written outside every step (or have no time). */
  noStep: boolean;
  folded: boolean;
  onToggle: (section: number) => void;
  top: number;
  row: number;
}

/** A step section's header row in the log: which step, its lines and errors; folds on click. */
export const SectionHeader = memo(function SectionHeader(props: SectionHeaderProps) {
  const { index, text, noStep, folded, onToggle, top, row } = props;
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
        title={[text.title, text.errors, text.detail].filter(Boolean).join(' - ')}
        onClick={() => onToggle(index)}
      >
        <Chevron size={14} aria-hidden className={classes.sectionChevron} />
        <span className={classes.sectionTitle}>{text.title}</span>
        {text.errors ? <span className={classes.sectionErrors}>{text.errors}</span> : null}
        <span className={classes.sectionDetail}>{text.detail}</span>
      </button>
    </div>
  );
});
