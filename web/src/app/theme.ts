import { createTheme, type MantineColorsTuple } from '@mantine/core'

// A sober bank navy: the primary colour of buttons, links and the active navigation item.
const navy: MantineColorsTuple = [
  '#edf2f8',
  '#d9e2ee',
  '#b0c3dc',
  '#85a3ca',
  '#6287bb',
  '#4c76b1',
  '#3f6dae',
  '#315c98',
  '#285188',
  '#1d4f7c',
]

const compact = { defaultProps: { size: 'xs' } }

export const theme = createTheme({
  primaryColor: 'navy',
  // Users who asked their system for less motion get no sliding panels or fading dialogs.
  respectReducedMotion: true,
  primaryShade: 8,
  colors: { navy },
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Dense: staff read long tables all day on ordinary office screens.
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  headings: { fontWeight: '600', sizes: { h1: { fontSize: '20px' }, h2: { fontSize: '17px' }, h3: { fontSize: '15px' }, h4: { fontSize: '14px' } } },
  components: {
    Button: compact,
    TextInput: compact,
    PasswordInput: compact,
    Select: compact,
    MultiSelect: compact,
    NumberInput: compact,
    Textarea: compact,
    FileInput: compact,
    Checkbox: compact,
    SegmentedControl: compact,
    Pagination: compact,
    // A badge never shrinks to "Акти…" in a narrow table column: the column gives way instead.
    Badge: { defaultProps: { size: 'sm', radius: 'sm', miw: 'max-content' } },
    Table: { defaultProps: { fz: 'xs', verticalSpacing: 5, horizontalSpacing: 'xs' } },
  },
})
