import Netral
print("netral \(Netral.version)")
