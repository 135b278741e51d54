import { STAFF_ROLES, type TStaffRole } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Field } from "../../ui/Field.tsx";

/** Props for {@link StaffRoleField}. */
export interface StaffRoleFieldProps {
  id: string;
  value: TStaffRole;
  onChange(role: TStaffRole): void;
}

/** The staff role to grant (moderator, speaker, interpreter, stage), for assignments and invitations. */
export function StaffRoleField({ id, value, onChange }: StaffRoleFieldProps) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t("organiser.roles.role")}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as TStaffRole)}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`staffRoles.${r}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
