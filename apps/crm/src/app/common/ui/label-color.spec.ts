import { FALLBACK_LABEL_COLOR, labelColor, textColorOn } from './label-color';

describe('label colours', () => {
  it('paints a label with its own colour only when it is #rrggbb', () => {
    expect(labelColor('#E5484D')).toBe('#e5484d');
    expect(labelColor('red; background: url(x)')).toBe(FALLBACK_LABEL_COLOR);
    expect(labelColor('#fff')).toBe(FALLBACK_LABEL_COLOR);
  });

  it('writes black on light colours and white on dark ones', () => {
    expect(textColorOn('#ffc53d')).toBe('#000000');
    expect(textColorOn('#ffffff')).toBe('#000000');
    expect(textColorOn('#6e56cf')).toBe('#ffffff');
    expect(textColorOn('#000000')).toBe('#ffffff');
  });
});
