// GET /api/<news|stories|events|families>/<id>/package: the 报送材料包 of a published item that has
// no 外宣报送 record (the 报送单 leaves the outlet blank). Staff only.
import type { Endpoint } from 'payload'

import { refuseUnlessStaffForPackage, respondWithPackage } from './respond'

export const itemPackageEndpoint: Endpoint = {
  path: '/:id/package',
  method: 'get',
  handler: async (req) => {
    const refused = refuseUnlessStaffForPackage(req)
    if (refused) return refused
    const collection = String(req.routeParams?.collection ?? '')
    const id = String(req.routeParams?.id ?? '')
    return respondWithPackage(req.payload, { collection, id }, { asciiFallback: `package-${collection}-${id}.zip`, caller: req.user })
  },
}
