import ShockFlowLinearAlgebra
print(BLASRuntime.coreName)
