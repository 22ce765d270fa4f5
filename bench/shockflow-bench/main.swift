import ShockFlowLinearAlgebra
print("kernel: \(BLASRuntime.coreName)")
