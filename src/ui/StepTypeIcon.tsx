import {
  IconAlignLeft,
  IconHash,
  IconHelpCircle,
  IconListCheck,
  IconPhoto,
  IconSignature,
  IconSquareCheck,
  type Icon,
} from '@tabler/icons-react';

/** Step types the Jobs API and the bundled server use; anything else gets a neutral icon. */
const STEP_TYPE_ICONS: Record<string, { icon: Icon; label: string }> = {
  Text: { icon: IconAlignLeft, label: 'Text step' },
  ConfirmStep: { icon: IconSquareCheck, label: 'Confirm step' },
  Checklist: { icon: IconListCheck, label: 'Checklist step' },
  Number: { icon: IconHash, label: 'Number step' },
  Photo: { icon: IconPhoto, label: 'Photo step' },
  Signature: { icon: IconSignature, label: 'Signature step' },
};

/** The accessible label for a step type: known types get a readable name, others their raw value. */
export function stepTypeLabel(stepType: string | null | undefined): string {
  if (stepType == null || stepType === '') return 'Unknown step type';
  return STEP_TYPE_ICONS[stepType]?.label ?? stepType;
}

interface StepTypeIconProps {
  stepType: string | null | undefined;
  size?: number;
}

/** An icon for a step type, labelled for screen readers and on hover. */
export function StepTypeIcon({ stepType, size = 16 }: StepTypeIconProps) {
  const known = stepType ? STEP_TYPE_ICONS[stepType] : undefined;
  const IconComponent = known?.icon ?? IconHelpCircle;
  const label = stepTypeLabel(stepType);
  return (
    // The label shows on hover as a native title (one per table row: no floating element).
    <IconComponent
      size={size}
      stroke={1.75}
      role="img"
      aria-label={label}
      title={label}
      data-step-type={stepType ?? ''}
      style={{ flexShrink: 0, verticalAlign: 'middle' }}
    />
  );
}
