import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { titleFromKey } from '../../canvas/core/json-schema.ts';
import { useSpecWords } from '../../canvas/useSpecWords.ts';
import { useFlowEditor } from '../store/flow-editor-context.ts';
import type { DiffVocabulary } from './diff-words.ts';

/** The diff's words in the user's language, from the open flow's node specs. */
export function useDiffVocabulary(): DiffVocabulary {
  const { t } = useTranslation('versions');
  const words = useSpecWords();
  const specs = useFlowEditor((s) => s.specs);
  const fields = useFlowEditor((s) => s.fields);
  return useMemo(() => {
    const fieldOf = (type: string, key: string) => fields.get(type)?.find((f) => f.key === key);
    return {
      typeLabel: (type) => {
        const spec = specs.get(type);
        return spec ? words.label(spec) : type;
      },
      fieldOf,
      fieldTitle: (type, key) => {
        const field = fieldOf(type, key);
        return field ? words.fieldTitle(type, field) : titleFromKey(key);
      },
      option: words.option,
      port: (type, port) => {
        const spec = specs.get(type)?.outputs.find((p) => p.id === port);
        return spec ? words.port(spec) : port;
      },
      notSet: t('diff.notSet'),
      empty: t('diff.empty'),
      yes: t('diff.yes'),
      no: t('diff.no'),
    };
  }, [t, words, specs, fields]);
}
