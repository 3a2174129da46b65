import { Box, Tooltip } from '@mantine/core'
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

export type TruncatedTextProps = {
  /** The whole text, shown in the tooltip when the line is cut. */
  label: string
  /** The width the column keeps for the text; a wider column shows more of it. */
  minWidth: number
  children?: ReactNode
}

// 12-pixel table text with Mantine's line height.
const LINE_HEIGHT = 19

/**
 * One line, cut with "…" at the column's width; the whole text appears on hover, but only when it
 * was cut. The text is laid over the cell rather than in it, so a long name never widens its column:
 * the column keeps minWidth and takes its share of whatever room the screen has. Long names and
 * branch names keep a table row one line high on a 1366-pixel office screen.
 */
export function TruncatedText({ label, minWidth, children }: TruncatedTextProps) {
  const line = useRef<HTMLDivElement>(null)
  const [cut, setCut] = useState(false)
  // Measured when drawn and when the column changes width: a tooltip switched on only as the
  // pointer arrives would not open.
  useLayoutEffect(() => {
    const element = line.current
    if (!element) return
    const measure = () => setCut(element.scrollWidth > element.clientWidth)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [label])
  return (
    <Tooltip label={label} disabled={!cut} openDelay={300} withinPortal>
      <Box pos="relative" miw={minWidth} h={LINE_HEIGHT} style={{ flex: 1 }}>
        <Box ref={line} pos="absolute" inset={0} lh={`${LINE_HEIGHT}px`} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {children ?? label}
        </Box>
      </Box>
    </Tooltip>
  )
}
