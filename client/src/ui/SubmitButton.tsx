import type { ButtonHTMLAttributes } from "react";

/** Props for {@link SubmitButton}. */
export interface SubmitButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children"> {
  /** The form is being sent: the button is disabled and says so. */
  pending: boolean;
  label: string;
  pendingLabel: string;
}

/** A form's primary submit button, which shows while the form is being sent. */
export function SubmitButton({ pending, label, pendingLabel, disabled, ...rest }: SubmitButtonProps) {
  return (
    <button {...rest} type="submit" className="button button--primary" disabled={pending || disabled}>
      {pending ? pendingLabel : label}
    </button>
  );
}
