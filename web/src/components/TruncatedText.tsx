import { Box, Tooltip } from '@mantine/core'
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

export type TruncatedTextProps = {
  /** The whole text, shown in the tooltip when the line is cut. */
  label: string
  maxWidth: number
  children?: ReactNode
}

/**
 * One line, cut with "…" at maxWidth; the whole text appears on hover, but only when it was cut.
 * Long names and branch names keep a table row one line high on a 1366-pixel office screen.
 */
export function TruncatedText({ label, maxWidth, children }: TruncatedTextProps) {
  const box = useRef<HTMLDivElement>(null)
  const [cut, setCut] = useState(false)
  // Measured once drawn: a tooltip switched on only when the pointer arrives would not open.
  useLayoutEffect(() => {
    const element = box.current
    if (element) setCut(element.scrollWidth > element.clientWidth)
  }, [label, maxWidth])
  return (
    <Tooltip label={label} disabled={!cut} openDelay={300} withinPortal>
      <Box ref={box} maw={maxWidth} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {children ?? label}
      </Box>
    </Tooltip>
  )
}
