// Diagnostics and attribute paths <-> tfplugin6 messages.

import type { AttributePath, Diagnostic } from '../../framework/diagnostics.js';
import { tfplugin6 } from '../wire.js';

export function pathToProto(path: AttributePath): tfplugin6.AttributePath.$Properties {
  return {
    steps: path.map((step) =>
      typeof step === 'string' ? { attributeName: step } : 'index' in step ? { elementKeyInt: step.index } : { elementKeyString: step.key },
    ),
  };
}

export function pathFromProto(path: tfplugin6.AttributePath.$Properties | null | undefined): AttributePath {
  return (path?.steps ?? []).map((s) =>
    s.attributeName ? s.attributeName : s.elementKeyString != null && s.elementKeyString !== '' ? { key: s.elementKeyString } : { index: Number(s.elementKeyInt ?? 0) },
  );
}

export function diagnosticsToProto(diagnostics: readonly Diagnostic[]): tfplugin6.Diagnostic.$Properties[] {
  return diagnostics.map((d) => ({
    severity: d.severity === 'error' ? tfplugin6.Diagnostic.Severity.ERROR : tfplugin6.Diagnostic.Severity.WARNING,
    summary: d.summary,
    detail: d.detail ?? '',
    ...(d.path && d.path.length > 0 ? { attribute: pathToProto(d.path) } : {}),
  }));
}
