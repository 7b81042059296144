import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels, type NodeCategory, type NodeSpecDto, type PortSpec } from '../../engine/contract/index.ts';
import { titleFromKey } from './core/json-schema.ts';
import type { FormField } from './core/schema-form.ts';

/**
 * The words a node type shows. They come from the engine's spec (English); a translation in
 * the `editor` namespace (`nodeTypes.<type>.label`, `options.<value>`, `ports.<id>`) wins when
 * there is one, so a new node type shows its spec's words until someone translates it.
 */
export interface SpecWords {
  label: (spec: NodeSpecDto) => string;
  description: (spec: NodeSpecDto) => string;
  fieldTitle: (type: string, field: FormField) => string;
  fieldHelp: (type: string, field: FormField) => string | null;
  option: (value: string) => string;
  port: (port: PortSpec) => string;
  category: (category: NodeCategory) => string;
}

/** Spec words hold Liquid examples ("VIP-{{ order.currency }}"): no interpolation. */
const plain = { skipInterpolation: true } as const;

export function useSpecWords(): SpecWords {
  const { t, i18n } = useTranslation('editor');
  const language = i18n.language;
  return useMemo(
    () => ({
      label: (spec) => t(`nodeTypes.${spec.type}.label`, { ...plain, defaultValue: spec.label }),
      description: (spec) => t(`nodeTypes.${spec.type}.description`, { ...plain, defaultValue: spec.description }),
      fieldTitle: (type, field) => t(`nodeTypes.${type}.params.${field.key}.title`, { ...plain, defaultValue: field.title }),
      fieldHelp: (type, field) => {
        const help = t(`nodeTypes.${type}.params.${field.key}.description`, { ...plain, defaultValue: field.description ?? '' });
        return help === '' ? null : help;
      },
      option: (value) =>
        t(`options.${value}`, { defaultValue: (platformLabels as Record<string, string>)[value] ?? titleFromKey(value) }),
      port: (port) => t(`ports.${port.id}`, { defaultValue: port.label }),
      category: (category) => t(`categories.${category}`),
    }),
    // A new language makes new words.
    [t, language],
  );
}
