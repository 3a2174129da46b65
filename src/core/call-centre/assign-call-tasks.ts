export type OperatorCapacity = { operatorId: number; capacity: number }
export type TaskToAssign = { clientId: number; priority: number }
export type AssignedTask = { clientId: number; priority: number; operatorId: number | null }

/**
 * Deals a call list out to operators by capacity and priority: the highest-priority clients first
 * (ties by client id, so the same list deals the same way), each to the operator with the most
 * capacity left (ties by operator id). Clients beyond the operators' total capacity stay in the
 * common pool (operator null), which any operator takes from once their own list is done.
 */
export function assignCallTasks(tasks: readonly TaskToAssign[], operators: readonly OperatorCapacity[]): AssignedTask[] {
  const left = operators.filter((o) => o.capacity > 0).map((o) => ({ ...o }))
  const ordered = [...tasks].sort((a, b) => b.priority - a.priority || a.clientId - b.clientId)
  return ordered.map((task) => {
    let best: (typeof left)[number] | undefined
    for (const o of left) {
      if (o.capacity <= 0) continue
      if (!best || o.capacity > best.capacity || (o.capacity === best.capacity && o.operatorId < best.operatorId)) best = o
    }
    if (!best) return { ...task, operatorId: null }
    best.capacity -= 1
    return { ...task, operatorId: best.operatorId }
  })
}
