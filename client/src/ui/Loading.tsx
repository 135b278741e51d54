import { useTranslation } from "react-i18next";

/** A quiet loading indicator, announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t("common.loading")}
    </p>
  );
}
