import { StyleSheet } from '@react-pdf/renderer';
import { PDF_FONT } from './fonts';

// Paper colours: the PDF is printed and mailed, so it has one (light) palette.
export const INK = '#111827';
export const MUTED = '#4b5563';
export const RULE = '#d1d5db';
export const HEADER_FILL = '#f3f4f6';
/** Links: 6.7:1 on white, and underlined nowhere, so the colour is not their only cue: each is a web address. */
export const LINK = '#1d4ed8';

export const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT, fontSize: 9, color: INK, paddingTop: 56, paddingBottom: 48, paddingHorizontal: 40 },
  coverPage: { fontFamily: PDF_FONT, fontSize: 10, color: INK, paddingTop: 96, paddingBottom: 48, paddingHorizontal: 56 },
  // No lineHeight anywhere: Noto Sans's own line spacing reads well, and a lineHeight on the page
  // hides the fixed footer in react-pdf 4.9.
  coverBody: { flexGrow: 1 },
  header: {
    position: 'absolute',
    top: 22,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 0.75,
    borderBottomColor: RULE,
    paddingBottom: 4,
    fontSize: 8,
    color: MUTED,
  },
  footer: {
    position: 'absolute',
    bottom: 20,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.75,
    borderTopColor: RULE,
    paddingTop: 4,
    fontSize: 7.5,
    color: MUTED,
  },
  h2: { fontSize: 13, fontWeight: 700, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 11, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  muted: { color: MUTED },
  small: { fontSize: 8, color: MUTED },
  table: { borderTopWidth: 0.75, borderTopColor: RULE, marginBottom: 8 },
  headRow: { flexDirection: 'row', backgroundColor: HEADER_FILL, borderBottomWidth: 0.75, borderBottomColor: RULE, fontWeight: 700 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: RULE },
  totalRow: { flexDirection: 'row', borderBottomWidth: 0.75, borderBottomColor: INK, fontWeight: 700 },
  cell: { paddingVertical: 3, paddingHorizontal: 4, fontSize: 8 },
});
