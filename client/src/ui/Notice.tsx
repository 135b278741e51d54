import type { ReactNode } from "react";

/** Props for {@link Notice}. */
export interface NoticeProps {
  tone: "info" | "warning" | "error" | "success";
  title?: ReactNode;
  children?: ReactNode;
  /** Actions such as "Try again" or a link, shown under the text. */
  actions?: ReactNode;
  testId?: string;
}

/**
 * A panel for a state the user must understand: errors are announced at once (role=alert),
 * other tones politely (role=status).
 */
export function Notice({ tone, title, children, actions, testId }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"} data-testid={testId}>
      {title && <p className="notice__title">{title}</p>}
      {children && <div className="notice__body">{children}</div>}
      {actions && <div className="notice__actions">{actions}</div>}
    </div>
  );
}
